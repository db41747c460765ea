use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

// ANCHOR: trait
mod stores {
    // Order matters: trait_variant first, then one dynosaur line per trait.
    #[trait_variant::make(Store: Send)]
    #[dynosaur::dynosaur(pub DynLocalStore = dyn(box) LocalStore, bridge(dyn))]
    #[dynosaur::dynosaur(pub DynStore = dyn(box) Store, bridge(dyn))]
    pub trait LocalStore {
        async fn get(&self, key: u32) -> Option<String>;
    }
}
use stores::{DynLocalStore, DynStore};
// ANCHOR_END: trait

struct MemoryStore {
    rows: HashMap<u32, String>,
}

impl stores::Store for MemoryStore {
    async fn get(&self, key: u32) -> Option<String> {
        tokio::task::yield_now().await;
        self.rows.get(&key).cloned()
    }
}

struct CountingStore {
    hits: Rc<Cell<u32>>,
}

impl stores::LocalStore for CountingStore {
    async fn get(&self, _key: u32) -> Option<String> {
        let hits = Rc::clone(&self.hits);
        tokio::task::yield_now().await;
        hits.set(hits.get() + 1);
        None
    }
}

// ANCHOR: use
// `DynStore` is Send, and so are its futures: a `Box<DynStore>` can move into a task.
async fn spawn_get(store: Box<DynStore<'static>>, key: u32) -> Option<String> {
    use stores::Store;
    tokio::spawn(async move { store.get(key).await })
        .await
        .unwrap()
}

// `DynLocalStore` takes any `LocalStore`; await its futures where you are.
async fn get_local(store: &DynLocalStore<'_>, key: u32) -> Option<String> {
    use stores::LocalStore;
    store.get(key).await
}
// ANCHOR_END: use

#[tokio::main]
async fn main() {
    let rows = HashMap::from([(1, "Ada".to_string())]);
    // ANCHOR: new
    let found = spawn_get(DynStore::new_box(MemoryStore { rows: rows.clone() }), 1).await;
    let counting = CountingStore {
        hits: Rc::new(Cell::new(0)),
    };
    let missing = get_local(DynLocalStore::from_ref(&counting), 1).await;
    // ANCHOR_END: new
    assert_eq!(found.as_deref(), Some("Ada"));
    assert_eq!(missing, None);
    assert_eq!(counting.hits.get(), 1);
    // A `Store` is a `LocalStore` too, so it fits `DynLocalStore` as well.
    let memory = MemoryStore { rows };
    assert_eq!(
        get_local(DynLocalStore::from_ref(&memory), 1)
            .await
            .as_deref(),
        Some("Ada")
    );
    println!("{found:?} {missing:?}");
}
