// ANCHOR: trait
trait Lookup<'t> {
    // The trait's own lifetime is named; that of `&self` is left out.
    fn lookup(&self, id: u32) -> impl Future<Output = String> + Send + use<'t, Self>;
}
// ANCHOR_END: trait

struct Names;

impl<'t> Lookup<'t> for Names {
    fn lookup(&self, id: u32) -> impl Future<Output = String> + Send + use<'t> {
        async move { format!("name {id}") }
    }
}

#[tokio::main]
async fn main() {
    let future = {
        let names = Names;
        Lookup::lookup(&names, 1) // `names` is dropped here; the future does not borrow it
    };
    assert_eq!(future.await, "name 1");
    println!("ok");
}
