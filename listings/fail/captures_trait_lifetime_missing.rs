trait Lookup<'t> {
    // `'t` is the trait's own lifetime: `use<Self>` leaves it out.
    fn lookup(&self, id: u32) -> impl Future<Output = String> + Send + use<Self>;
}

struct Names;

impl<'t> Lookup<'t> for Names {
    fn lookup(&self, id: u32) -> impl Future<Output = String> + Send + use<'t> {
        async move { format!("name {id}") }
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Lookup::lookup(&Names, 1).await);
}
