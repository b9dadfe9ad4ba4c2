package designbench.proxy.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Server sockets bound on the addresses asked for, and only those; closing removes their socket files. */
public final class Listeners implements AutoCloseable {

    private final List<Channel> channels;

    private Listeners(List<Channel> channels) {
        this.channels = channels;
    }

    /** Binds every address (failing with the address named when one cannot be bound). */
    public static Listeners bind(EventLoopGroup group, List<Address> addresses, ChannelHandler childInitializer) {
        List<Channel> bound = new ArrayList<>();
        Listeners listeners = new Listeners(bound);
        try {
            for (Address address : addresses) {
                if (address instanceof Address.Unix unix && Files.exists(unix.file())) {
                    throw new IllegalStateException("socket file " + unix.file() + " already exists: another server "
                            + "may use it; remove it first if not");
                }
                ServerBootstrap bootstrap = new ServerBootstrap()
                        .group(group)
                        .channel(Transports.serverChannel(address))
                        .childHandler(childInitializer);
                if (address instanceof Address.Tcp) {
                    bootstrap.option(ChannelOption.SO_REUSEADDR, true).childOption(ChannelOption.TCP_NODELAY, true);
                }
                bootstrap.option(ChannelOption.SO_BACKLOG, 1024);
                try {
                    bound.add(bootstrap.bind(address.socketAddress()).sync().channel());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while binding " + address, e);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("cannot listen on " + address + ": " + e.getMessage(), e);
                }
            }
            return listeners;
        } catch (RuntimeException e) {
            listeners.close();
            throw e;
        }
    }

    /** The bound addresses, in the order asked (real ports where 0 was asked). */
    public List<Address> addresses() {
        return channels.stream().map(c -> Address.of(c.localAddress())).toList();
    }

    @Override
    public void close() {
        for (Channel channel : channels) {
            Address address = Address.of(channel.localAddress());
            channel.close().syncUninterruptibly();
            if (address instanceof Address.Unix unix) {
                try {
                    Files.deleteIfExists(unix.file());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove socket file " + unix.file(), e);
                }
            }
        }
    }
}
