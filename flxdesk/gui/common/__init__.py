"""Small Qt helpers more than one part uses: background jobs, non-blocking questions and
file choices, status dropdowns, item roles, drawing without a display.

Nothing specific to one part goes here.
"""
