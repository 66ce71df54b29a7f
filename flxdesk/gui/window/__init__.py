"""The main window: it composes the parts, owns their order on screen, and its menus.

Not here: what a part does (each has its own subpackage).
"""
