"""The film's chapters, one module each (``chNN_name.py``, one scene class), in film order.

Chapters never import each other; the list of them lives above, in ``scenes.film.chapters``.
"""
