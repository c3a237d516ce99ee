package concurrencylab.harness;

import concurrencylab.harness.process.WorkerPool;

/** A runtime stand-in for {@link WorkerLifetimeTest}: starts two workers, prints their pids, then waits to be killed. */
public final class PoolOwner {

    private PoolOwner() {
    }

    public static void main(String[] args) throws Exception {
        Harness.execute(RunOptions.of(Mode.PROCESSES).withWorkers(2).withTasks(2), Workloads.class.getName() + "#index",
                Workloads::index);
        System.out.println("pids " + WorkerPool.shared().pids());
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
