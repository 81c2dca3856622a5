"""argmap: a policy-debate argument mapper for the terminal."""

__version__ = "0.1.0"
