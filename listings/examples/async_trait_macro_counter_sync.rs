use async_trait::async_trait;
use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

// ANCHOR: counter
// Fix 1: `&mut self`. The trait changes, for every impl; the `RefCell` stays.
#[async_trait]
trait TicketsMut {
    async fn next_ticket(&mut self) -> u32;
}

struct LocalCounter {
    issued: RefCell<u32>,
}

#[async_trait]
impl TicketsMut for LocalCounter {
    async fn next_ticket(&mut self) -> u32 {
        let ticket = *self.issued.borrow() + 1;
        self.issued.replace(ticket);
        ticket
    }
}

// Fix 2: a `Sync` field. The trait keeps `&self`.
#[async_trait]
trait Tickets {
    async fn next_ticket(&self) -> u32;
}

struct SharedCounter {
    issued: AtomicU32,
}

#[async_trait]
impl Tickets for SharedCounter {
    async fn next_ticket(&self) -> u32 {
        self.issued.fetch_add(1, Ordering::Relaxed) + 1
    }
}
// ANCHOR_END: counter

#[tokio::main]
async fn main() {
    // The `LocalCounter` moves into the task, and its futures are `Send`.
    let local = tokio::spawn(async {
        let mut counter = LocalCounter {
            issued: RefCell::new(0),
        };
        counter.next_ticket().await;
        counter.next_ticket().await
    });
    assert_eq!(local.await.unwrap(), 2);

    let counter = Arc::new(SharedCounter {
        issued: AtomicU32::new(0),
    });
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let counter = Arc::clone(&counter);
            tokio::spawn(async move { counter.next_ticket().await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    // Four tickets went to the spawned tasks, whichever threads ran them.
    let fifth = counter.next_ticket().await;
    assert_eq!(fifth, 5);
    println!("local ticket 2, shared ticket {fifth}");
}
