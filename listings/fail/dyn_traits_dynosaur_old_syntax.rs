#[dynosaur::dynosaur(DynStore)]
trait Store {
    async fn get(&self, key: u32) -> Option<String>;
}

fn main() {}
