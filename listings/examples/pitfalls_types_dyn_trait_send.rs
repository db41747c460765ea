use std::time::Duration;

trait HttpClient {
    fn get(&self, url: &str) -> String;
}

struct Fake;

impl HttpClient for Fake {
    fn get(&self, url: &str) -> String {
        format!("GET {url}")
    }
}

// ANCHOR: directory
async fn directory(http: Box<dyn HttpClient + Send>) -> String {
    tokio::time::sleep(Duration::from_millis(1)).await;
    http.get("/directory")
}
// ANCHOR_END: directory

#[tokio::main]
async fn main() {
    let body = tokio::spawn(directory(Box::new(Fake))).await.unwrap();
    assert_eq!(body, "GET /directory");
    println!("{body}");
}
