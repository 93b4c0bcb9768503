"""`scripts/drill NAME` / `scripts/drill --list`: runs one fault drill (see docs/reliability.md)."""

import sys

import disk_full
import kill_delivery
import kill_publish
import kill_worker
import pgbouncer
import promote_standby
import restart_db
import slow_client
import harness

DRILLS = {
    "kill-publish": kill_publish,
    "kill-worker": kill_worker,
    "kill-delivery": kill_delivery,
    "restart-db": restart_db,
    "disk-full": disk_full,
    "slow-client": slow_client,
    "promote-standby": promote_standby,
    "pgbouncer": pgbouncer,
}


def main(arguments):
    if arguments == ["--list"]:
        print("\n".join(DRILLS))
        return 0
    if len(arguments) != 1 or arguments[0] not in DRILLS:
        print("usage: scripts/drill NAME | --list\n" + "\n".join(f"  {name}: {module.SUMMARY}"
                                                            for name, module in DRILLS.items()), file=sys.stderr)
        return 2
    return harness.main(arguments[0], DRILLS[arguments[0]].run)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
