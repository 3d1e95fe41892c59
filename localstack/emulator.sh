#!/usr/bin/env bash
# Starts or stops the local AWS emulators: moto in server mode on 127.0.0.1:4566 (Cognito, SES, S3,
# Scheduler) and dynoxide on 127.0.0.1:4567 (DynamoDB).
#   localstack/emulator.sh start | stop | status
set -euo pipefail
. "$(dirname "$0")/env.sh"

case "${1:-start}" in
  start)
    if ! dynamodb_up; then
      ensure_dynoxide
      nohup "$DYNOXIDE" --port "${AWS_ENDPOINT_URL_DYNAMODB##*:}" --log quiet >"$LOCAL/dynoxide.log" 2>&1 &
      echo $! >"$LOCAL/dynoxide.pid"
      for _ in $(seq 1 50); do dynamodb_up && break; sleep 0.1; done
      dynamodb_up || { echo "dynoxide did not start; see $LOCAL/dynoxide.log" >&2; exit 1; }
      echo "DynamoDB (dynoxide) running at $AWS_ENDPOINT_URL_DYNAMODB"
    fi
    if emulator_up; then echo "emulator already running at $AWS_ENDPOINT_URL"; exit 0; fi
    ensure_venv
    # TOTP codes are really checked; pool ids are stable across restarts.
    MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP=true MOTO_COGNITO_IDP_USER_POOL_ID_STRATEGY=HASH \
      nohup "$VENV/bin/moto_server" -H 127.0.0.1 -p 4566 >"$LOCAL/moto.log" 2>&1 &
    echo $! >"$LOCAL/moto.pid"
    for _ in $(seq 1 100); do
      if emulator_up; then echo "emulator running at $AWS_ENDPOINT_URL (pid $(cat "$LOCAL/moto.pid"), log $LOCAL/moto.log)"; exit 0; fi
      sleep 0.2
    done
    echo "emulator did not start; see $LOCAL/moto.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$LOCAL/dynoxide.pid" ]; then
      kill "$(cat "$LOCAL/dynoxide.pid")" 2>/dev/null || true
      rm -f "$LOCAL/dynoxide.pid"
    fi
    if [ -f "$LOCAL/moto.pid" ]; then
      kill "$(cat "$LOCAL/moto.pid")" 2>/dev/null || true
      rm -f "$LOCAL/moto.pid"
      echo "emulator stopped"
    else
      echo "no emulator started from this checkout"
    fi
    ;;
  status)
    dynamodb_up && echo "DynamoDB running at $AWS_ENDPOINT_URL_DYNAMODB" || echo "DynamoDB not running"
    if emulator_up; then echo "running at $AWS_ENDPOINT_URL"; else echo "not running"; exit 1; fi
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
