#!/usr/bin/env bash
# Harvest a list of URLs (or files) over a Slurm array, then merge the shards once every task has finished:
#
#   docs/deploy/slurm-harvest.sh urls.txt /scratch/harvest 8
#
# submits an array of 8 tasks (this script again, one per shard: --shard 8 takes the task's index from
# SLURM_ARRAY_TASK_ID) writing /scratch/harvest/shards/<index>/, and a merge job that starts when all of them ended
# well, writing /scratch/harvest/merged/. EXTRACTOR is the command to run: `extractor` (dotnet tool) by default, or
# e.g. EXTRACTOR="apptainer exec extractor.sif dotnet /app/Extractor.Cli.dll" for the container image.
#SBATCH --job-name=extractor
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=24:00:00
#SBATCH --output=extractor-%A_%a.log
set -euo pipefail

EXTRACTOR=${EXTRACTOR:-extractor}
# Exit codes of the extractor that mean the harvest ran: 0, 1 (some inputs failed: see documents.csv) and 3 (some
# documents fail a consistency check: see their report.md). 2 (usage) and 130 (interrupted) fail the task.
run() {
  local code=0
  $EXTRACTOR "$@" || code=$?
  case $code in 0|1|3) return 0 ;; *) echo "extractor exited with $code" >&2; return "$code" ;; esac
}

if [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then
  # One task of the array: its shard of the inputs. A task that is requeued goes on where it stopped.
  inputs=$1 out=$2
  run "$inputs" --shard "${SLURM_ARRAY_TASK_COUNT:?}" --out "$out/shards/$SLURM_ARRAY_TASK_ID" \
    --format csv,parquet --jobs "${SLURM_CPUS_PER_TASK:-2}" --progress plain --cache "$out/downloads"
  exit 0
fi

# Submitting: the array, then the merge depending on it.
if [ $# -ne 3 ]; then echo "usage: $0 INPUTS OUT SHARDS" >&2; exit 2; fi
inputs=$(realpath "$1") out=$(realpath -m "$2") shards=$3
mkdir -p "$out"
array=$(sbatch --parsable --array="0-$((shards - 1))" --export=ALL,EXTRACTOR="$EXTRACTOR" "$0" "$inputs" "$out")
sbatch --parsable --dependency="afterok:$array" --job-name=extractor-merge --output="extractor-merge-%j.log" \
  --export=ALL,EXTRACTOR="$EXTRACTOR" --wrap "$EXTRACTOR merge $out/shards/* --out $out/merged"
echo "submitted array $array ($shards shards) and its merge; output in $out/merged"
