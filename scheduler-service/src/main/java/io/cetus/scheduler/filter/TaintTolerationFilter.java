package io.cetus.scheduler.filter;

import java.util.List;

import io.cetus.api.core.Taint;
import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.cache.PodInfo;

/**
 * Keeps pods off nodes with a {@code NoSchedule} or {@code NoExecute} taint they do not tolerate;
 * {@code PreferNoSchedule} taints only make a node less attractive and are not checked here.
 */
public final class TaintTolerationFilter implements NodeFilter {

  @Override
  public FilterResult filter(PodInfo podInfo, NodeInfo node) {
    List<Taint> taints = node.taints();
    for (int i = 0; i < taints.size(); i++) {
      Taint taint = taints.get(i);
      boolean repels =
          Tolerations.NO_SCHEDULE.equals(taint.effect())
              || Tolerations.NO_EXECUTE.equals(taint.effect());
      if (repels && !Tolerations.tolerates(podInfo.pod(), taint)) {
        return FilterResult.unfit(
            "node(s) had untolerated taint {"
                + taint.key()
                + ": "
                + (taint.value() == null ? "" : taint.value())
                + "}");
      }
    }
    return FilterResult.FITS;
  }
}
