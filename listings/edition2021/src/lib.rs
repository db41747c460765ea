//! The edition 2021 listings are the examples of this package (`examples/`); this library is empty on purpose.
