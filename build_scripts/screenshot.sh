#!/bin/bash
# Takes the README screenshot: run as  xvfb-run -a -s "-screen 0 920x640x24" build_scripts/screenshot.sh
# (needs Debian packages xvfb xdotool imagemagick and an installed flxdesk).
export FLXDESK_HOME="$(mktemp -d)"

python -m flxdesk --demo &
APP=$!
for i in $(seq 50); do WID=$(xdotool search --name "flxdesk" 2>/dev/null | head -1); [ -n "$WID" ] && break; sleep 0.2; done
sleep 1
xdotool windowactivate --sync $WID 2>/dev/null; xdotool windowfocus $WID
for id in 1001 1002 5555 1003; do xdotool type --delay 20 "$id"; xdotool key Return; done
xdotool key Tab; xdotool key Tab; xdotool type "pallet 7"; 
sleep 4
xdotool key shift+Tab shift+Tab
xdotool type --delay 20 "1004"; xdotool key Return
sleep 0.2
import -window root "${1:-resources/screenshot.png}"
kill $APP; wait $APP
