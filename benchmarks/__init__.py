"""Misma Luna's performance harness: every figure beside a bare baseline from the same run."""
