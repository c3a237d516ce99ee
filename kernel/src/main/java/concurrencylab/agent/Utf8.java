package concurrencylab.agent;

/** Where a byte buffer stops holding whole UTF-8 characters. */
final class Utf8 {

    private Utf8() {
    }

    /** Length of the longest prefix that does not end inside a multi-byte character. */
    static int completePrefix(byte[] bytes) {
        int n = bytes.length;
        // A character is at most 4 bytes: look back at most 3 bytes for its lead byte.
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = bytes[n - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // continuation byte
            }
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }
}
