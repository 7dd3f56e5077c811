package pcnref.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.Vector;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pcnref.kmsg.RemotePageRequest;
import pcnref.kmsg.VmFault;
import pcnref.pages.PageStep.Action;

class KernelLogTest {
    static final PageConfig CFG = new PageConfig(3, Vector.of(0, 1, 2), 2, 1, 8, 0, Set.of());

    @Test
    void fetchPostsARequestAndTheOriginTracesTheServedRead() {
        Cluster c = Cluster.init(CFG).apply(PageStep.of(Action.BeginAccess, 1, 0)).apply(PageStep.of(Action.StartFaultHandling, 1));
        PageStep fetch = PageStep.of(Action.FetchPageFromOrigin, 1);
        Cluster d = c.apply(fetch);
        List<KernelLog.Sent> sent = KernelLog.sent(c, fetch, d);
        assertEquals(1, sent.size());
        assertEquals(1, sent.get(0).from());
        assertEquals(0, sent.get(0).to());
        assertInstanceOf(RemotePageRequest.class, sent.get(0).msg());
        assertTrue(KernelLog.pgfault(c, fetch, d).isEmpty());
        // deliver consumes, sends nothing
        PageStep deliver = PageStep.of(Action.Deliver, 1, 0);
        assertEquals(List.of(), KernelLog.sent(d, deliver, d.apply(deliver)));
        Cluster e = d.apply(deliver);
        e = e.apply(PageStep.of(Action.HandlePteFaultOrigin, 1, 1)).apply(PageStep.of(Action.ServeAtOriginStart, 1, 1))
                .apply(PageStep.of(Action.ServeAtOriginDecide, 1, 1)).apply(PageStep.of(Action.ServeAtOriginUpdate, 1, 1));
        PageStep post = PageStep.of(Action.PostResponse, 0, 1, 1);
        assertEquals(new KernelLog.Pgfault(1, 'R', VmFault.OK), KernelLog.pgfault(e, post, e.apply(post)).orElseThrow());
        assertEquals("pgfault: 1 R 0", KernelLog.pgfault(e, post, e.apply(post)).orElseThrow().toString());
    }

    @Test
    void originFirstTouchIsPassedOnToLinux() {
        Cluster c = Cluster.init(CFG).apply(PageStep.of(Action.BeginAccess, 0, 1));
        PageStep s = PageStep.of(Action.HandlePteFault, 0);
        assertEquals(new KernelLog.Pgfault(0, 'W', VmFault.VM_FAULT_CONTINUE), KernelLog.pgfault(c, s, c.apply(s)).orElseThrow());
    }
}
