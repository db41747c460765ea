// rusty-celery/rusty-celery#354: a &dyn Trait (no Sync bound) used across an await
trait BrokerBuilder { fn name(&self) -> String; }
struct Amqp;
impl BrokerBuilder for Amqp { fn name(&self) -> String { "amqp".into() } }
async fn connect(builder: &dyn BrokerBuilder) -> String {
    tokio::task::yield_now().await;
    builder.name()
}
static BUILDER: Amqp = Amqp;
#[tokio::main]
async fn main() { tokio::spawn(connect(&BUILDER)).await.unwrap(); }
