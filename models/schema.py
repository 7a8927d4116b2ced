"""Imports every record module so Base.metadata knows the whole schema."""
from . import audit, defect, fees, guards, handover, keys, people, project, settings  # noqa: F401
from .base import Base

metadata = Base.metadata
