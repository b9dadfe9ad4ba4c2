package designbench.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.proxy.net.Address;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AddressTest {

    @Test
    void parsesTcpV6AndUnixAddresses() {
        assertEquals(new Address.Tcp("127.0.0.1", 8080), Address.parse("127.0.0.1:8080"));
        assertEquals(new Address.Tcp("::1", 8080), Address.parse("[::1]:8080"));
        assertEquals("[::1]:8080", Address.parse("[::1]:8080").toString());
        assertEquals(new Address.Unix(Path.of("/tmp/o.sock")), Address.parse("unix:/tmp/o.sock"));
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        for (String bad : new String[] {"nowhere", "host:", ":80", "::1:80", "host:port", "unix:", "h:70000"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Address.parse(bad), bad);
            assertTrue(e.getMessage().length() > 10, bad);
        }
    }
}
