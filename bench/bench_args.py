"""The command line the interleaving benchmarks share:
N MODEL.abs ABSIM... [-- RUN OPTIONS]."""
import sys


def rounds_model_binaries(argv, usage):
    """(rounds, model, binaries, run options) from argv without the program
    name; exits with `usage` when they are not there."""
    args, extra = list(argv), []
    if "--" in args:
        k = args.index("--")
        args, extra = args[:k], args[k + 1:]
    if len(args) < 3 or not args[0].isdigit():
        print(usage, file=sys.stderr)
        sys.exit(2)
    return int(args[0]), args[1], args[2:], extra
