package io.cetus.serviceproxy.proxy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cetus.serviceproxy.proxy.ServiceProxyProperties.TransportMode;

/** A test run once on Netty's NIO transport and once on epoll, given as its one argument. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@EnumSource(
    value = TransportMode.class,
    names = {"NIO", "EPOLL"})
@interface BothTransports {}
