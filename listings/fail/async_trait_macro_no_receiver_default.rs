use async_trait::async_trait;

#[async_trait]
trait Connect {
    fn open() -> Self;

    // No receiver, but the body names `Self`: the macro adds `Self: Send`.
    async fn open_after_yield() -> Self
    where
        Self: Sized,
    {
        tokio::task::yield_now().await;
        Self::open()
    }
}

// `*const u8` is neither `Send` nor `Sync`.
struct RawConnection {
    handle: *const u8,
}

impl Connect for RawConnection {
    fn open() -> Self {
        RawConnection {
            handle: std::ptr::null(),
        }
    }
}

#[tokio::main]
async fn main() {
    let connection = RawConnection::open_after_yield().await;
    assert!(connection.handle.is_null());
}
