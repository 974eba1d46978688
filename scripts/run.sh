#!/usr/bin/env bash
# Starts the web server and a Celery worker (with beat) side by side; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

if [ -z "${REDIS_URL:-}" ]; then
  if $PY -c "import redis,sys; redis.Redis(host='127.0.0.1', port=6379, socket_connect_timeout=1).ping()" 2>/dev/null; then
    export REDIS_URL="redis://127.0.0.1:6379/0"
    echo "Redis found on 127.0.0.1:6379: it is the task queue and the cache."
  else
    echo "Redis is not reachable: background jobs go through a folder queue (.data/broker)"
    echo "and the same Celery worker runs them; the cache is a folder (.data/cache)."
  fi
fi

.venv/bin/celery -A gencisi worker --beat --loglevel INFO --concurrency 2 \
  --schedule .data/celerybeat-schedule > .data/worker.log 2>&1 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null; wait $WORKER 2>/dev/null' EXIT INT TERM

echo
echo "gencisi is running: http://127.0.0.1:8000/   (worker log: .data/worker.log)"
echo "Log in with one of the demo accounts printed above; press Ctrl-C to stop."
echo
$PY manage.py runserver 127.0.0.1:8000
