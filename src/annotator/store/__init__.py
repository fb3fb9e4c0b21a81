"""SQLAlchemy persistence. Nothing outside this package imports SQLAlchemy."""
