"""The 2017 evaluation's cost-benefit model for the municipality (chapter 7), in plain Python:
no Django, usable from a notebook. `parameters` holds the inputs, `effects` the nine priced
effects of table 7-7,
`uncertainty` the tornado, the simulation and break-even values."""

from .effects import EFFECTS, Estimate, estimate, estimates, total
from .parameters import (
    PARAMETERS,
    PRICE_YEAR,
    Parameter,
    ParameterError,
    read_settings,
    with_values,
)
from .uncertainty import break_even, net, simulate, tornado

__all__ = [
    "EFFECTS",
    "PARAMETERS",
    "PRICE_YEAR",
    "Estimate",
    "Parameter",
    "ParameterError",
    "break_even",
    "estimate",
    "estimates",
    "net",
    "read_settings",
    "simulate",
    "total",
    "tornado",
    "with_values",
]
