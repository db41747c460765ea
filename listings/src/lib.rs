//! The listings are the examples of this package (`listings/examples/`); this library is empty on purpose.
