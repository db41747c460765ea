#[tokio::main]
async fn main() {
    let names = vec!["ada", "grace"];
    let task = tokio::spawn(async {
        println!("{} names", names.len());
    });
    task.await.unwrap();
}
