"""Starting the window: the QApplication, its language, Qt checks for the self-test.

Also what keeps the first paint quick. Not here: the window itself (``gui.window``).
"""
