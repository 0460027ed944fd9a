package io.cetus.objectstore.store;

import io.cetus.objectstore.store.memory.InMemoryAllocationStore;

class InMemoryAllocationStoreTest extends AllocationStoreContract {

  @Override
  protected AllocationStore newStore() {
    return new InMemoryAllocationStore();
  }
}
