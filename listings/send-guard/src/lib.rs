//! Listings that need parking_lot's `send_guard` feature are the examples of this package; this library is empty on purpose.
