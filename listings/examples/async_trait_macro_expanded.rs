// What `#[async_trait]` 0.1.92 makes of the `Store` listing, trimmed by hand: the
// `#[allow(...)]` attributes, a type-inference guard at the top of each body and the
// `let __ret: T = { .. }; __ret` around the body are left out, and `::core::` paths shortened.
// tests/tests/async_trait_expansion.rs compares the trait and the impl, whole, with the macro's
// real output trimmed the same way.
use std::future::Future;
use std::pin::Pin;

// ANCHOR: trait
pub trait Store {
    fn get<'life0, 'life1, 'async_trait>(
        &'life0 self,
        key: &'life1 str,
    ) -> Pin<Box<dyn Future<Output = Option<String>> + Send + 'async_trait>>
    where
        'life0: 'async_trait,
        'life1: 'async_trait,
        Self: 'async_trait;

    fn get_or<'life0, 'life1, 'async_trait>(
        &'life0 self,
        key: &'life1 str,
        fallback: String,
    ) -> Pin<Box<dyn Future<Output = String> + Send + 'async_trait>>
    where
        'life0: 'async_trait,
        'life1: 'async_trait,
        Self: Sync + 'async_trait,
    {
        Box::pin(async move {
            let __self = self;
            let fallback = fallback;
            __self.get(key).await.unwrap_or(fallback)
        })
    }
}
// ANCHOR_END: trait

pub struct Memory {
    entries: Vec<(String, String)>,
}

// ANCHOR: impl
impl Store for Memory {
    fn get<'life0, 'life1, 'async_trait>(
        &'life0 self,
        key: &'life1 str,
    ) -> Pin<Box<dyn Future<Output = Option<String>> + Send + 'async_trait>>
    where
        'life0: 'async_trait,
        'life1: 'async_trait,
        Self: 'async_trait,
    {
        Box::pin(async move {
            let __self = self;
            let found = __self.entries.iter().find(|(k, _)| k == key);
            found.map(|(_, v)| v.clone())
        })
    }
}
// ANCHOR_END: impl

fn assert_send<T: Send>(_: &T) {}

fn main() {
    let store = Memory {
        entries: vec![("lang".into(), "rust".into())],
    };
    let future = store.get_or("edition", "2024".into());
    assert_send(&future);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(runtime.block_on(future), "2024");
    assert_eq!(runtime.block_on(store.get("lang")).as_deref(), Some("rust"));
    println!("ok");
}
