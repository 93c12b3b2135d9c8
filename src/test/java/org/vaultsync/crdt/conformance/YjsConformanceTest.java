package org.vaultsync.crdt.conformance;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vaultsync.common.SecureRandomBytes;

/** Every scenario of the Yjs 13.6.33 conformance vectors, replayed on our engine (see {@link ScenarioRunner}). */
class YjsConformanceTest {
    @TestFactory
    List<DynamicTest> everyScenarioMatchesYjsByteForByte() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : VectorFiles.scenarioFiles()) {
            tests.add(DynamicTest.dynamicTest(file, () -> new ScenarioRunner(VectorFiles.scenario(file))
                    .run(new SecureRandomBytes())));
        }
        return tests;
    }
}
