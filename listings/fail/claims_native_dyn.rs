trait Service {
    async fn call(&self, request: u32) -> u32;
}

struct Double;

impl Service for Double {
    async fn call(&self, request: u32) -> u32 {
        request * 2
    }
}

fn main() {
    let service: Box<dyn Service> = Box::new(Double);
}
