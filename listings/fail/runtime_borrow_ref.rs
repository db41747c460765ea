#[tokio::main]
async fn main() {
    let names = vec!["ada", "grace"];
    let first = &names[0];
    let task = tokio::spawn(async move {
        println!("first: {first}");
    });
    task.await.unwrap();
}
