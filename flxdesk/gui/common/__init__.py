"""Small Qt helpers more than one part uses: background jobs, non-blocking questions and
file choices, history changes that say why they failed, status dropdowns, item roles,
the colour scheme, drawing without a display.

Nothing specific to one part goes here.
"""
