"""A dask.distributed worker process running gilfree (CPython runtime):

    ./gilfree --runtime cpython -m gilfree.dask_worker tcp://SCHEDULER:8786 [--nthreads N] [--name NAME]
              [--memory-limit 4GiB] [--local-directory DIR]

distributed's own `dask worker` command cannot run under jep: it installs signal handlers, which CPython allows
only in the main thread of the main interpreter, and its nanny forks worker processes, which a JVM cannot do.
This entry runs one plain `distributed.Worker` (no nanny) in the embedded interpreter, with gilfree registered
with Dask first (chunk type, dispatch hooks, zero-copy serializers). It exits when the scheduler goes away or
closes it; whoever started it restarts it if wanted (a killed worker's tasks are recomputed on the others).
"""
import argparse
import asyncio

import dask.array  # noqa: F401  (loaded before _dask, which registers gilfree with it)
from distributed import Worker

from . import _dask  # noqa: F401  (registration happens at its import)


def _parse(argv):
    p = argparse.ArgumentParser(prog="gilfree.dask_worker", description="A dask.distributed worker running gilfree.")
    p.add_argument("scheduler", help="the scheduler's address, e.g. tcp://127.0.0.1:8786")
    p.add_argument("--nthreads", type=int, default=None, help="threads running tasks (default: the CPU count)")
    p.add_argument("--name", default=None, help="the worker's name on the scheduler")
    p.add_argument("--memory-limit", default="auto", help="bytes, e.g. 4GiB, or 'auto' (the machine's share)")
    p.add_argument("--local-directory", default=None, help="where the worker spills (default: a temporary one)")
    return p.parse_args(argv)


async def _run(args):
    async with Worker(args.scheduler, nthreads=args.nthreads, name=args.name, memory_limit=args.memory_limit,
                      local_directory=args.local_directory) as worker:
        print(f"gilfree.dask_worker: {worker.address} ({worker.state.nthreads} threads) serving {args.scheduler}",
              flush=True)
        await worker.finished()


def main(argv=None):
    asyncio.run(_run(_parse(argv)))


if __name__ == "__main__":
    main()
