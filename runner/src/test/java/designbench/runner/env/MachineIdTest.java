package designbench.runner.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MachineIdTest {
    private static final long GIB = 1L << 30;

    @Test
    void xeonNameBecomesModelCoresAndMemory() {
        assertEquals("xeon-8481c-2c-24g",
                MachineId.of("Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz", 2, 24 * GIB));
    }

    @Test
    void memoryTheKernelKeepsIsRoundedUp() {
        assertEquals("epyc-2c-24g", MachineId.of("AMD EPYC", 2, (long) (23.4 * GIB)));
    }

    @Test
    void desktopNamesKeepTheirModel() {
        assertEquals("ryzen-9-7950x-32c-64g", MachineId.of("AMD Ryzen 9 7950X 16-Core Processor", 32, 64 * GIB));
        assertEquals("apple-m2-8c-16g", MachineId.of("Apple M2", 8, 16 * GIB));
    }

    @Test
    void emptyModelStillGivesAName() {
        assertEquals("cpu-4c-8g", MachineId.of("", 4, 8 * GIB));
    }

    @Test
    void overrideMustBeASafeFolderName() {
        assertEquals("my-laptop_2", MachineId.checkOverride("my-laptop_2"));
        assertThrows(IllegalArgumentException.class, () -> MachineId.checkOverride("../elsewhere"));
        assertThrows(IllegalArgumentException.class, () -> MachineId.checkOverride(".hidden"));
        assertThrows(IllegalArgumentException.class, () -> MachineId.checkOverride("a b"));
    }
}
