#!/usr/bin/env bash
# Bad inputs for the error-class tests that cannot be made in the test itself.
# encrypted-seed.pdf: the Calc fixture encrypted with a user password by qpdf (Debian package qpdf).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
qpdf --encrypt secret-user secret-owner 256 -- "$here/../../../fixtures/seed-calc/seed-calc.pdf" "$here/encrypted-seed.pdf"
