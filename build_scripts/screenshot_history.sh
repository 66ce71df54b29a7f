#!/bin/bash
# Takes the README screenshot of the history pane: run as
#   xvfb-run -a -s "-screen 0 1100x750x24" build_scripts/screenshot_history.sh
# (needs Debian packages xvfb openbox xdotool imagemagick and an installed flxdesk).
# Scans in the demo (two unknown orders fail with 404), selects a failed update with
# the keyboard so its details show, then searches for the orders starting with 10.
export FLXDESK_HOME="$(mktemp -d)"
openbox >/dev/null 2>&1 &
WM=$!
sleep 0.5

python -m flxdesk --demo &
APP=$!
for i in $(seq 50); do WID=$(xdotool search --onlyvisible --name "flxdesk" 2>/dev/null | head -1); [ -n "$WID" ] && break; sleep 0.2; done
sleep 1
xdotool windowactivate --sync $WID 2>/dev/null; xdotool windowfocus $WID
xdotool windowsize $WID 1060 680; xdotool windowmove $WID 20 20
for id in 1001 1002 5555 1003 77 1004; do xdotool type --delay 20 "$id"; xdotool key Return; done
sleep 5
xdotool key ctrl+f; xdotool type --delay 60 "10"; xdotool key Return
sleep 0.5
xdotool key ctrl+f; xdotool key BackSpace Return
sleep 0.5
xdotool key Tab Tab Tab Tab                   # exact, result, period, then the table
xdotool key Home Down Down Down                # the 5555 row: failed, 404
sleep 0.5
import -window "$WID" -frame "${1:-resources/screenshot-history.png}"
kill $APP; wait $APP
kill $WM
