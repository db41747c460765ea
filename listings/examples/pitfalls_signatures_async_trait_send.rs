use std::sync::Arc;

use async_trait::async_trait;

// ANCHOR: signer
#[async_trait]
trait Signer: Send + Sync {
    async fn sign(&self, message: &str) -> String;
}

struct Local;

#[async_trait]
impl Signer for Local {
    async fn sign(&self, message: &str) -> String {
        format!("signed({message})")
    }
}
// ANCHOR_END: signer

#[tokio::main]
async fn main() {
    let signer: Arc<dyn Signer> = Arc::new(Local);
    let out = tokio::spawn(async move { signer.sign("hi").await })
        .await
        .unwrap();
    assert_eq!(out, "signed(hi)");
    println!("{out}");
}
