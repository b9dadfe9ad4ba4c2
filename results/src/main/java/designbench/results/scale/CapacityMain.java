package designbench.results.scale;

/**
 * {@code scripts/capacity.sh LOAD [RATE...] [--peak F]}: the capacity arithmetic without running a benchmark.
 * Prints the stated load per second on average and at its peak, and for each measured RATE (requests per second
 * of one instance) how many instances carry the peak.
 */
public final class CapacityMain {
    private CapacityMain() {
    }

    public static void main(String[] args) {
        try {
            System.out.print(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("capacity: " + e.getMessage());
            System.err.println("usage: scripts/capacity.sh LOAD [RATE_PER_INSTANCE ...] [--peak FACTOR]"
                    + "   e.g. scripts/capacity.sh 15e9/month 12000 --peak 3");
            System.exit(2);
        }
    }

    static String run(String[] args) {
        String load = null;
        double peak = Capacity.DEFAULT_PEAK_FACTOR;
        java.util.List<Double> rates = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--peak")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--peak needs a factor");
                }
                peak = number(args[++i], "--peak");
            } else if (load == null) {
                load = args[i];
            } else {
                rates.add(number(args[i], "a rate"));
            }
        }
        if (load == null) {
            throw new IllegalArgumentException("no load given");
        }
        Capacity capacity = Capacity.parse(load, peak);
        StringBuilder out = new StringBuilder(capacity.describe()).append('\n');
        for (double rate : rates) {
            out.append(String.format(java.util.Locale.ROOT, "at %s requests/s per instance (%s a month): %d "
                    + "instance(s) for the peak%n", Capacity.count(rate), Capacity.count(Capacity.perMonth(rate)),
                    capacity.instancesFor(rate)));
        }
        return out.toString();
    }

    private static double number(String text, String what) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, not '" + text + "'");
        }
    }
}
