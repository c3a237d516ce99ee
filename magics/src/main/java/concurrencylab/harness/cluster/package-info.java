/**
 * {@code %%cluster}: notebook tasks on the members of a Hazelcast cluster, on this machine or others. The
 * runtime joins as a client ({@link concurrencylab.harness.cluster.NotebookCluster}), never as a data member; a
 * member ({@link concurrencylab.harness.cluster.MemberCommand}, the jar's {@code member} command) runs each task
 * ({@link concurrencylab.harness.cluster.ClusterTask}) in the notebook's snippet classes, which it gets through a
 * distributed map, with a copy of the notebook variables the task reads, as {@code %%processes} workers do.
 */
package concurrencylab.harness.cluster;
