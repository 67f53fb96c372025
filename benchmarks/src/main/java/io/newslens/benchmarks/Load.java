package io.newslens.benchmarks;

import io.newslens.benchmarks.load.LoadDriver;

/** {@code benchmarks/run.sh Load ...}: the load driver against a running stack (see {@link LoadDriver}). */
public final class Load {

    private Load() {
    }

    public static void main(String[] args) throws Exception {
        LoadDriver.main(args);
    }
}
