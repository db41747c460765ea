use std::sync::Arc;

use async_trait::async_trait;

#[async_trait(?Send)]
trait Signer {
    async fn sign(&self, message: &str) -> String;
}

struct Local;

#[async_trait(?Send)]
impl Signer for Local {
    async fn sign(&self, message: &str) -> String {
        format!("signed({message})")
    }
}

#[tokio::main]
async fn main() {
    let signer: Arc<dyn Signer + Send + Sync> = Arc::new(Local);
    tokio::spawn(async move { signer.sign("hi").await })
        .await
        .unwrap();
}
