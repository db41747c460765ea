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

async fn directory(http: Box<dyn HttpClient>) -> String {
    tokio::time::sleep(Duration::from_millis(1)).await;
    http.get("/directory")
}

#[tokio::main]
async fn main() {
    tokio::spawn(directory(Box::new(Fake))).await.unwrap();
}
