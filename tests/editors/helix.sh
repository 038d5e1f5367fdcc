#!/bin/sh
# Open WORK/FILE in Helix inside tmux, with WORK/config as its configuration folder, and pass
# when Helix's log shows sourcescore's diagnostics arriving (within 30 s). Run by try.sh.
work=$1 file=$2
session=sourcescore-try-$$
tmux new-session -d -s "$session" -x 200 -y 50 \
    "cd '$work' && XDG_CONFIG_HOME='$work/config' hx -vvv --log '$work/helix.log' '$file'"
found=1
for _ in $(seq 60); do
    sleep 0.5
    if grep -q '"code": "SRC[0-9]*"' "$work/helix.log" 2>/dev/null; then found=0; break; fi
done
grep -o '"code": "SRC[0-9]*"' "$work/helix.log" 2>/dev/null | sort | uniq -c
tmux send-keys -t "$session" Escape ':q!' Enter
sleep 1
tmux kill-session -t "$session" 2>/dev/null
exit $found
