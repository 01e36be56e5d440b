#!/usr/bin/env bash
# Start Debian's PostgreSQL cluster and make the kube101 role and test database (idempotent).
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q online; then
  pg_lsclusters -h | grep -q . || pg_createcluster "$version" main
  pg_ctlcluster "$version" main start
fi
su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='kube101'\"" | grep -q 1 ||
  su postgres -c "psql -c \"CREATE ROLE kube101 LOGIN SUPERUSER PASSWORD 'kube101'\""
su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='kube101_test'\"" | grep -q 1 ||
  su postgres -c "createdb -O kube101 kube101_test"
